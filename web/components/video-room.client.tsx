/**
 * The two-way video room on 100ms: a device check (camera preview, microphone level,
 * device pickers), then the room (the expert large for students, students' tiles for the
 * expert, one's own camera small), mic and camera toggles, chat and the participant list.
 * Client-only: the 100ms SDK breaks server rendering, so this module is loaded lazily
 * after hydration and never imported by a server module.
 */
import {
  DeviceType,
  HMSLogLevel,
  HMSNotificationTypes,
  HMSRoomProvider,
  HMSRoomState,
  selectHMSMessages,
  selectIsConnectedToRoom,
  selectIsPeerAudioEnabled,
  selectIsPeerVideoEnabled,
  selectLocalPeer,
  selectPeerAudioByID,
  selectPeers,
  selectRoomState,
  useAutoplayError,
  useAVToggle,
  useDevices,
  useHMSActions,
  useHMSNotifications,
  useHMSStore,
  useVideo,
  type HMSPeer,
} from "@100mslive/react-sdk";
import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { EndSessionButton } from "./end-session-button";
import { roomProblem, withoutTokens } from "./room-problems";

/** What the page around the room is told: the host page offers End session outside the room unless it is open. */
export type RoomStatus = "opening" | "in-room" | "failed" | "left" | "ended";

export interface VideoRoomProps {
  sessionId: string;
  role: "host" | "guest";
  /** Students join on their own after the device check; the expert presses Join. */
  autoJoin: boolean;
  /** The expert ends the session for everyone (asked to confirm first). */
  onEndSession?: () => void;
  onStatus?: (status: RoomStatus) => void;
}

/**
 * Each attempt (the first, "Try again", "Rejoin") gets its own SDK store: after a failed
 * join the SDK's old store is left half torn down, and a second preview on it showed a
 * camera check without a picture and then "Joining…" forever.
 */
export default function VideoRoom(props: VideoRoomProps) {
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  return (
    <HMSRoomProvider key={attempt}>
      <Room {...props} retrying={attempt > 0} onRetry={again} />
    </HMSRoomProvider>
  );
}

interface Ticket {
  token: string;
  userName: string;
  /** Set when the app runs on the local 100ms stand-ins; otherwise the SDK uses 100ms's own. */
  initEndpoint?: string;
}

async function fetchTicket(sessionId: string): Promise<Ticket> {
  const res = await fetch(`/app/live/${encodeURIComponent(sessionId)}/token`, { method: "POST" });
  const body = (await res.json().catch(() => ({}))) as { token?: string; userName?: string; initEndpoint?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(body.error ?? "Could not get a ticket for the video room.");
  return { token: body.token, userName: body.userName ?? "", initEndpoint: body.initEndpoint };
}

/**
 * Past these, a join or camera check that has not finished is reported, never left spinning.
 * The camera check gets longer: it includes the browser asking for the camera, which a
 * person may take a while to allow.
 */
const JOIN_TIMEOUT_MS = 30_000;
const PREVIEW_TIMEOUT_MS = 90_000;

function withinTime<T>(step: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took too long`)), ms);
  });
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}

type Phase = "connecting" | "preview" | "joining" | "in-room" | "left" | "ended" | "error";

const STATUS: Record<Phase, RoomStatus> = {
  connecting: "opening",
  preview: "opening",
  joining: "opening",
  "in-room": "in-room",
  left: "left",
  ended: "ended",
  error: "failed",
};

interface RoomProps extends VideoRoomProps {
  /** A retry or rejoin: the devices were checked already, so it joins straight away. */
  retrying: boolean;
  onRetry: () => void;
}

function Room({ sessionId, role, autoJoin, onEndSession, onStatus, retrying, onRetry }: RoomProps) {
  const hms = useHMSActions();
  const connected = useHMSStore(selectIsConnectedToRoom);
  const notification = useHMSNotifications([HMSNotificationTypes.ROOM_ENDED, HMSNotificationTypes.REMOVED_FROM_ROOM, HMSNotificationTypes.ERROR]);
  const [phase, setPhase] = useState<Phase>("connecting");
  const [problem, setProblem] = useState("");
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [removed, setRemoved] = useState(false);
  /** The room was open, then the connection went: said differently from a room that never opened. */
  const [lost, setLost] = useState(false);
  const phaseNow = useRef<Phase>(phase);
  phaseNow.current = phase;

  useEffect(() => onStatus?.(STATUS[phase]), [phase, onStatus]);

  const connectionLost = useCallback((why: string) => {
    if (phaseNow.current !== "in-room") return;
    phaseNow.current = "error";
    setLost(true);
    setProblem(why);
    setPhase("error");
  }, []);

  const fail = useCallback(
    (error: unknown) => {
      // Our own line, without the token: the SDK's logs are off (its error log prints the token).
      console.warn("video room:", withoutTokens(String((error as { message?: string })?.message ?? error)));
      setProblem(roomProblem(error));
      setPhase("error");
      void hms.leave().catch(() => undefined);
    },
    [hms],
  );

  const join = useCallback(
    async (t: Ticket) => {
      setPhase("joining");
      try {
        await withinTime(hms.join({ userName: t.userName, authToken: t.token, initEndpoint: t.initEndpoint, settings: { isAudioMuted: false, isVideoMuted: false } }), "Joining the room", JOIN_TIMEOUT_MS);
        setPhase("in-room");
      } catch (error) {
        fail(error);
      }
    },
    [hms, fail],
  );

  useEffect(() => {
    let cancelled = false;
    // Before anything that carries the token: the SDK logs it (init at debug level, a failed join at error level).
    hms.setLogLevel(HMSLogLevel.NONE);
    (async () => {
      try {
        const t = await fetchTicket(sessionId);
        if (cancelled) return;
        setTicket(t);
        if (retrying) return void (await join(t));
        // The same initEndpoint for preview and join: join re-reads it, and a reconnect would otherwise go to 100ms.
        await withinTime(hms.preview({ userName: t.userName, authToken: t.token, initEndpoint: t.initEndpoint, settings: { isAudioMuted: false, isVideoMuted: false } }), "The camera check", PREVIEW_TIMEOUT_MS);
        if (!cancelled) setPhase("preview");
      } catch (error) {
        if (!cancelled) fail(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [hms, sessionId, retrying, join, fail]);

  useEffect(() => {
    if (!notification) return;
    if (notification.type === HMSNotificationTypes.ROOM_ENDED) {
      phaseNow.current = "ended";
      setPhase("ended");
    } else if (notification.type === HMSNotificationTypes.REMOVED_FROM_ROOM) {
      phaseNow.current = "left";
      setRemoved(true);
      setPhase("left");
    } else if (notification.type === HMSNotificationTypes.ERROR && notification.data?.isTerminal) {
      connectionLost(roomProblem(notification.data));
    }
  }, [notification, connectionLost]);

  useEffect(() => {
    // Disconnected with no word why (the notification may come after): the connection is gone.
    if (phase === "in-room" && !connected) connectionLost("The connection to the video room was lost.");
  }, [phase, connected, connectionLost]);

  useEffect(() => {
    // Leave cleanly when the page goes away (the provider also leaves on unload).
    return () => void hms.leave().catch(() => undefined);
  }, [hms]);

  const leave = () => {
    phaseNow.current = "left";
    setPhase("left");
    void hms.leave();
  };

  if (phase === "error") {
    return (
      <div className="panel" role="alert">
        <h2>{lost ? "You were disconnected from the room" : "The room could not open"}</h2>
        <p>{problem}</p>
        <button className="primary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (phase === "ended") {
    return (
      <section className="panel" aria-labelledby="class-ended" role="status">
        <h2 id="class-ended">The class has ended</h2>
        {role === "guest" ? (
          <>
            <p>Thank you for practising together. What comes next:</p>
            <ul>
              <li>The recording appears on the class page once it is ready; you can watch it there.</li>
              <li>Tell your expert how it went: rate the class on the same page.</li>
            </ul>
            <p>
              <Link className="button" to={`/app/live/${sessionId}`}>
                Rate the class and find the recording
              </Link>
            </p>
          </>
        ) : (
          <p>
            <Link to="/app/live/dashboard">Back to your sessions</Link>
          </p>
        )}
      </section>
    );
  }
  if (phase === "connecting") return <p role="status">Connecting to the video service…</p>;
  if (phase === "left") {
    return (
      <section className="panel" role="status">
        <p>{removed ? "The expert has removed you from the room." : "You have left the room."}</p>
        <button className="primary" onClick={onRetry}>
          Rejoin
        </button>
      </section>
    );
  }
  if (phase === "joining" && retrying) return <p role="status">Joining the room…</p>;
  if (phase === "preview" || phase === "joining") {
    return <DeviceCheck onJoin={() => ticket && void join(ticket)} joining={phase === "joining"} autoJoin={autoJoin} />;
  }
  return <InRoom role={role} onLeave={leave} onEndSession={onEndSession} />;
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

/** `small`: one's own camera, over the corner of the expert's picture, or (`inline`, for the expert) beside the controls. */
function Tile({ peer, featured, small, inline }: { peer: HMSPeer; featured?: boolean; small?: boolean; inline?: boolean }) {
  const { videoRef } = useVideo({ trackId: peer.videoTrack });
  const videoOn = useHMSStore(selectIsPeerVideoEnabled(peer.id));
  const audioOn = useHMSStore(selectIsPeerAudioEnabled(peer.id));
  const label = `${peer.name}${peer.isLocal ? " (you)" : ""}${peer.roleName === "host" ? " · expert" : ""}`;
  return (
    <div className={`tile${featured ? " featured" : ""}${small ? " self-view" : ""}${inline ? " inline" : ""}`} role="group" aria-label={label} data-camera={videoOn ? "on" : "off"}>
      <video ref={videoRef} autoPlay muted playsInline hidden={!videoOn} />
      {!videoOn && (
        <div className="camera-off" role="img" aria-label={`${peer.name}'s camera is off`}>
          <span aria-hidden="true">{initials(peer.name)}</span>
          <small aria-hidden="true">Camera off</small>
        </div>
      )}
      <span className="name">
        {small ? "You" : label}
        {!audioOn && (
          <span className="mic-off" role="img" aria-label={`${peer.name}'s microphone is muted`}>
            {" "}
            · mic off
          </span>
        )}
      </span>
    </div>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

function InRoom({ role, onLeave, onEndSession }: { role: "host" | "guest"; onLeave: () => void; onEndSession?: () => void }) {
  const peers = useHMSStore(selectPeers);
  const { isLocalAudioEnabled, isLocalVideoEnabled, toggleAudio, toggleVideo } = useAVToggle();
  const { error: soundBlocked, unblockAudio, resetError } = useAutoplayError();
  const reconnecting = useHMSStore(selectRoomState) === HMSRoomState.Reconnecting;
  const local = peers.find((p) => p.isLocal);
  const remote = peers.filter((p) => !p.isLocal);
  // Students see the expert large; the expert sees the students alike. Everyone sees themselves small.
  const expert = role === "guest" ? remote.find((p) => p.roleName === "host") : undefined;
  const others = remote.filter((p) => p !== expert);
  return (
    <div className="room">
      <div className="stage">
        {reconnecting && (
          <p className="notice" role="status">
            The connection dropped. Reconnecting…
          </p>
        )}
        {soundBlocked && (
          <p className="notice controls" role="alert">
            Your browser is holding back the room's sound.
            <button className="secondary" onClick={() => void unblockAudio().then(resetError)}>
              Turn on sound
            </button>
          </p>
        )}
        <div className={`room-grid${expert ? " with-expert" : ""}`} aria-label="Participants' video">
          {expert && <Tile peer={expert} featured />}
          {others.map((p) => (
            <Tile key={p.id} peer={p} />
          ))}
          {remote.length === 0 && <p className="tile waiting">{role === "host" ? "Waiting for students to join…" : "Waiting for your expert…"}</p>}
        </div>
        {/* Over the corner of the expert's picture for a student; beside the controls for the expert, where it covers no student. */}
        {local && role === "guest" && <Tile peer={local} small />}
        <div className="controls room-controls">
          {local && role === "host" && <Tile peer={local} small inline />}
          <button className="secondary" aria-pressed={!isLocalAudioEnabled} onClick={() => void toggleAudio?.()}>
            {isLocalAudioEnabled ? "Mute mic" : "Unmute mic"}
          </button>
          <button className="secondary" aria-pressed={!isLocalVideoEnabled} onClick={() => void toggleVideo?.()}>
            {isLocalVideoEnabled ? "Camera off" : "Camera on"}
          </button>
          {role === "host" && onEndSession ? (
            <EndSessionButton onEnd={onEndSession} />
          ) : (
            <button className="danger" onClick={onLeave}>
              Leave
            </button>
          )}
        </div>
      </div>
      <aside className="side">
        <section className="panel" aria-labelledby="participants-heading">
          <h2 id="participants-heading">In the room ({peers.length})</h2>
          <ul aria-label="Participants">
            {peers.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.roleName === "host" ? " (expert)" : ""}
                {p.isLocal ? " (you)" : ""}
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
    <section className="panel chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <ol aria-live="polite" aria-label="Messages">
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
