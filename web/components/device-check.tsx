/**
 * "Test camera and microphone" on the waiting page, before the expert starts: the browser's
 * own camera picture and a microphone level, with plain web APIs (no video SDK, nothing
 * sent anywhere). The devices are released when the test stops or the page moves on (the
 * room takes them when the class starts).
 */
import { useEffect, useRef, useState } from "react";

type State = { kind: "idle" } | { kind: "asking" } | { kind: "on"; stream: MediaStream } | { kind: "failed"; message: string };

function explain(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "The browser was not allowed to use your camera and microphone. Allow them for this site (the camera icon in the address bar), then test again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera or microphone was found. Connect one, then test again.";
  if (name === "NotReadableError") return "Another app is using your camera or microphone. Close it, then test again.";
  return "Your camera and microphone could not be started. Test again, or try another browser.";
}

export function DeviceCheck() {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [level, setLevel] = useState(0);
  const video = useRef<HTMLVideoElement>(null);

  const stream = state.kind === "on" ? state.stream : null;
  useEffect(() => {
    if (!stream) return;
    if (video.current) video.current.srcObject = stream;
    // The microphone's level, read a few times a second from an analyser.
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 256;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
      setLevel(Math.min(100, Math.round((peak / 128) * 200)));
    }, 150);
    return () => {
      clearInterval(timer);
      void audio.close();
      for (const track of stream.getTracks()) track.stop();
      if (video.current) video.current.srcObject = null;
    };
  }, [stream]);

  async function start() {
    setState({ kind: "asking" });
    try {
      setState({ kind: "on", stream: await navigator.mediaDevices.getUserMedia({ video: true, audio: true }) });
    } catch (error) {
      setState({ kind: "failed", message: explain(error) });
    }
  }

  return (
    <section className="panel device-check" aria-labelledby="device-check-heading">
      <h2 id="device-check-heading">Your camera and microphone</h2>
      {state.kind === "on" ? (
        <>
          <video ref={video} autoPlay muted playsInline className="device-preview" aria-label="Your camera" />
          <p id="mic-level-label">Microphone: say something and watch the bar move.</p>
          <div className="meter" role="meter" aria-labelledby="mic-level-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={level} data-testid="mic-level">
            <div style={{ width: `${level}%` }} />
          </div>
          <p>
            <button type="button" className="secondary" onClick={() => setState({ kind: "idle" })}>
              Stop the test
            </button>
          </p>
        </>
      ) : (
        <>
          <p>Check them now, before the class starts; nothing is sent anywhere.</p>
          {state.kind === "failed" && (
            <p className="error" role="alert">
              {state.message}
            </p>
          )}
          <button type="button" className="secondary" onClick={start} disabled={state.kind === "asking"}>
            {state.kind === "asking" ? "Asking the browser…" : "Test camera and microphone"}
          </button>
        </>
      )}
    </section>
  );
}
