/**
 * The two-way video room on 100ms: a device check (camera preview, microphone level,
 * device pickers), then everyone's video in a grid, mic and camera toggles, chat and
 * the participant list. Client-only: the 100ms SDK breaks server rendering, so this
 * module is loaded lazily after hydration and never imported by a server module.
 */
import {
  DeviceType,
  HMSRoomProvider,
  selectHMSMessages,
  selectIsConnectedToRoom,
  selectLocalPeer,
  selectPeerAudioByID,
  selectPeers,
  useAVToggle,
  useDevices,
  useHMSActions,
  useHMSStore,
  useVideo,
  type HMSPeer,
} from "@100mslive/react-sdk";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";

export interface VideoRoomProps {
  sessionId: string;
  role: "host" | "guest";
  /** Students join on their own after the device check; the expert presses Join. */
  autoJoin: boolean;
  /** Called after the expert ends the session for everyone. */
  onEndSession?: () => void;
}

type Phase = "connecting" | "preview" | "joining" | "in-room" | "left" | "error";

export default function VideoRoom(props: VideoRoomProps) {
  return (
    <HMSRoomProvider>
      <Room {...props} />
    </HMSRoomProvider>
  );
}

interface Ticket {
  token: string;
  userName: string;
  /** Set when the app runs on the local 100ms stand-ins; otherwise the SDK uses 100ms's own. */
  initEndpoint?: string;
}

async function fetchToken(sessionId: string): Promise<Ticket> {
  const res = await fetch(`/app/live/${encodeURIComponent(sessionId)}/token`, { method: "POST" });
  const body = (await res.json().catch(() => ({}))) as { token?: string; userName?: string; initEndpoint?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(body.error ?? "Could not get a ticket for the video room.");
  return { token: body.token, userName: body.userName ?? "", initEndpoint: body.initEndpoint };
}

function describe(error: unknown): string {
  const e = error as { message?: string; description?: string; code?: number };
  const text = `${e?.message ?? ""} ${e?.description ?? ""}`;
  if (/ticket|enroll|not started|ended|sign in|too many/i.test(text)) return e.message ?? text;
  return "The video service cannot be reached right now, so the room cannot open. Check your connection and try again.";
}

function Room({ sessionId, role, autoJoin, onEndSession }: VideoRoomProps) {
  const hms = useHMSActions();
  const connected = useHMSStore(selectIsConnectedToRoom);
  const [phase, setPhase] = useState<Phase>("connecting");
  const [problem, setProblem] = useState("");
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setPhase("connecting");
    (async () => {
      try {
        const t = await fetchToken(sessionId);
        if (cancelled) return;
        setTicket(t);
        // The same initEndpoint for preview and join: join re-reads it, and a reconnect would otherwise go to 100ms.
        await hms.preview({ userName: t.userName, authToken: t.token, initEndpoint: t.initEndpoint, settings: { isAudioMuted: false, isVideoMuted: false } });
        if (!cancelled) setPhase("preview");
      } catch (error) {
        if (cancelled) return;
        setProblem(describe(error));
        setPhase("error");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [hms, sessionId, attempt]);

  const join = useCallback(async () => {
    if (!ticket) return;
    setPhase("joining");
    try {
      await hms.join({ userName: ticket.userName, authToken: ticket.token, initEndpoint: ticket.initEndpoint, settings: { isAudioMuted: false, isVideoMuted: false } });
      setPhase("in-room");
    } catch (error) {
      setProblem(describe(error));
      setPhase("error");
    }
  }, [hms, ticket]);

  useEffect(() => {
    if (phase === "in-room" && !connected) setPhase("left");
  }, [phase, connected]);

  useEffect(() => {
    // Leave cleanly when the page goes away.
    const leave = () => void hms.leave();
    window.addEventListener("beforeunload", leave);
    return () => {
      window.removeEventListener("beforeunload", leave);
      void hms.leave();
    };
  }, [hms]);

  if (phase === "error") {
    return (
      <div className="panel" role="alert">
        <h2>The room could not open</h2>
        <p>{problem}</p>
        <button className="primary" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }
  if (phase === "connecting") return <p role="status">Connecting to the video service…</p>;
  if (phase === "left") return <p role="status">You have left the room. {role === "guest" ? "Thanks for joining!" : ""}</p>;
  if (phase === "preview" || phase === "joining") {
    return <DeviceCheck onJoin={join} joining={phase === "joining"} autoJoin={autoJoin} />;
  }
  return <InRoom role={role} onLeave={() => void hms.leave()} onEndSession={onEndSession} />;
}

function DeviceCheck({ onJoin, joining, autoJoin }: { onJoin: () => void; joining: boolean; autoJoin: boolean }) {
  const local = useHMSStore(selectLocalPeer);
  const level = useHMSStore(selectPeerAudioByID(local?.id)) ?? 0;
  const { allDevices, selectedDeviceIDs, updateDevice } = useDevices();
  const { isLocalAudioEnabled, isLocalVideoEnabled, toggleAudio, toggleVideo } = useAVToggle();
  const [countdown, setCountdown] = useState(autoJoin ? 5 : -1);
  useEffect(() => {
    if (countdown < 0 || joining) return;
    if (countdown === 0) {
      onJoin();
      return;
    }
    const t = setTimeout(() => setCountdown((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown, joining, onJoin]);

  const picker = (type: DeviceType, label: string, list?: MediaDeviceInfo[]) =>
    list && list.length > 0 ? (
      <label>
        {label}
        <select value={selectedDeviceIDs[type] ?? ""} onChange={(e) => void updateDevice({ deviceType: type, deviceId: e.target.value })}>
          {list.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || label}
            </option>
          ))}
        </select>
      </label>
    ) : null;

  return (
    <section className="panel preview form" aria-label="Check your camera and microphone">
      <h2>Check your camera and microphone</h2>
      {local && <Tile peer={local} featured />}
      <div className="meter" aria-label="Microphone level" role="meter" aria-valuenow={level} aria-valuemin={0} aria-valuemax={100}>
        <div style={{ width: `${Math.min(100, level)}%` }} />
      </div>
      {picker(DeviceType.videoInput, "Camera", allDevices.videoInput)}
      {picker(DeviceType.audioInput, "Microphone", allDevices.audioInput)}
      <div className="controls">
        <button className="secondary" onClick={() => void toggleAudio?.()}>{isLocalAudioEnabled ? "Mute mic" : "Unmute mic"}</button>
        <button className="secondary" onClick={() => void toggleVideo?.()}>{isLocalVideoEnabled ? "Camera off" : "Camera on"}</button>
        <button className="primary" onClick={onJoin} disabled={joining}>
          {joining ? "Joining…" : countdown > 0 ? `Join now (auto in ${countdown} s)` : "Join"}
        </button>
      </div>
    </section>
  );
}

function Tile({ peer, featured }: { peer: HMSPeer; featured?: boolean }) {
  const { videoRef } = useVideo({ trackId: peer.videoTrack });
  return (
    <div className={`tile${featured ? " featured" : ""}`}>
      <video ref={videoRef} autoPlay muted playsInline />
      <span className="name">
        {peer.name}
        {peer.isLocal ? " (you)" : ""}
        {peer.roleName === "host" ? " · expert" : ""}
      </span>
    </div>
  );
}

function InRoom({ role, onLeave, onEndSession }: { role: "host" | "guest"; onLeave: () => void; onEndSession?: () => void }) {
  const peers = useHMSStore(selectPeers);
  const { isLocalAudioEnabled, isLocalVideoEnabled, toggleAudio, toggleVideo } = useAVToggle();
  // Students see the expert large; the expert sees everyone alike.
  const ordered = role === "guest" ? [...peers].sort((a, b) => Number(b.roleName === "host") - Number(a.roleName === "host")) : peers;
  return (
    <div className="room">
      <div>
        <div className="room-grid" aria-label="Participants' video">
          {ordered.map((p) => (
            <Tile key={p.id} peer={p} featured={role === "guest" && p.roleName === "host"} />
          ))}
        </div>
        <div className="controls" style={{ marginTop: ".75rem" }}>
          <button className="secondary" onClick={() => void toggleAudio?.()}>{isLocalAudioEnabled ? "Mute mic" : "Unmute mic"}</button>
          <button className="secondary" onClick={() => void toggleVideo?.()}>{isLocalVideoEnabled ? "Camera off" : "Camera on"}</button>
          {role === "host" && onEndSession ? (
            <button className="danger" onClick={onEndSession}>End session for everyone</button>
          ) : (
            <button className="danger" onClick={onLeave}>Leave</button>
          )}
        </div>
      </div>
      <aside className="side">
        <section className="panel">
          <h2>In the room ({peers.length})</h2>
          <ul>
            {peers.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.roleName === "host" ? " (expert)" : ""}
              </li>
            ))}
          </ul>
        </section>
        <Chat />
      </aside>
    </div>
  );
}

function Chat() {
  const hms = useHMSActions();
  const messages = useHMSStore(selectHMSMessages);
  const [text, setText] = useState("");
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollIntoView, and React would
    // call an effect's returned value as its clean-up ("n is not a function", the room unmounts).
    void end.current?.scrollIntoView({ block: "nearest" });
  }, [messages.length]);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    void hms.sendBroadcastMessage(message);
    setText("");
  };
  return (
    <section className="panel chat">
      <h2>Chat</h2>
      <ol aria-live="polite">
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.senderName ?? "Someone"}:</strong> {m.message}
          </li>
        ))}
        <li ref={end} />
      </ol>
      <form onSubmit={send} className="controls">
        <label style={{ flex: 1 }}>
          <span className="visually-hidden">Message</span>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Say hello…" maxLength={500} />
        </label>
        <button className="secondary">Send</button>
      </form>
    </section>
  );
}
