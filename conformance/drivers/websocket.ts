import WebSocket from "ws";
import { answerFromFrames, answerFromHttp, type Answer } from "../answer";
import type { WebSocketCall } from "../schema";
import type { ScenarioContext } from "../scenario-context";
import { signPlain } from "../sign";
import { resolveText, resolveValue, type ResolveOptions } from "../template";
import { applyAppSyncAuth } from "./appsync-realtime-auth";
import { credentialsFor } from "./request";

/**
 * A WebSocket call. A refused upgrade answers like HTTP (status, headers, body); an accepted one
 * answers 101 with `{frames, close}` as its JSON, so cases can pin the first frames and the close.
 * A presigned URL is signed as https and used as wss, as AWS's clients do it.
 */

export async function runWebSocket(call: WebSocketCall, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  let url = await resolveText(call.url, ctx, options);
  const headers = await resolveValue(call.headers, ctx, options);
  let protocols = await resolveValue(call.protocols, ctx, options);
  if (call.appsyncAuth) ({ url, protocols } = await applyAppSyncAuth(call.appsyncAuth, url, protocols, ctx, options));
  if (call.sign) {
    const httpUrl = url.replace(/^ws/, "http");
    const signed = await signPlain({ method: "GET", url: httpUrl, headers }, call.sign, call.sign.region ?? ctx.region, await credentialsFor(call.sign, ctx, options));
    url = signed.url.replace(/^http/, "ws");
    Object.assign(headers, signed.headers);
  }
  const send = await resolveValue(call.send, ctx, options);

  return new Promise<Answer>((resolve) => {
    const socket = new WebSocket(url, protocols, { headers });
    const frames: unknown[] = [];
    let done = false;
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      resolve(answer);
    };
    const opened = (close: { code: number; reason: string } | null): Answer => answerFromFrames(frames, close);
    const timer = setTimeout(() => finish(opened(null)), call.waitMs);
    socket.on("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(", ") : v;
        finish(answerFromHttp(res.statusCode ?? 0, h, Buffer.concat(chunks).toString("utf8")));
      });
    });
    socket.on("open", () => {
      for (const frame of send) socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
      if (call.frames === 0) finish(opened(null));
    });
    socket.on("message", (data) => {
      const text = data.toString();
      try {
        frames.push(JSON.parse(text));
      } catch {
        frames.push(text);
      }
      if (frames.length >= call.frames) finish(opened(null));
    });
    socket.on("close", (code, reason) => finish(opened({ code, reason: reason.toString() })));
    socket.on("error", (error) => finish({ status: 0, headers: {}, json: null, text: error.message, message: error.message }));
  });
}
