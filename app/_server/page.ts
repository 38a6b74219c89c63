import "server-only";
import { cache, type ReactNode } from "react";
import { withRequestMemo } from "@/lib/cache/request-memo";
import { clock } from "@/lib/clock";
import type { CaregiverActor } from "@/lib/auth/actor";
import { signedInCaregiver } from "./session";
import { withRequestContext } from "./request-context";

export interface PageContext {
  actor: CaregiverActor;
  now: Date;
}

/**
 * The one wrapper of every signed-in dashboard page and layout, the twin of the API's `route()`: the caregiver
 * is signed in (else /login), and the whole render body runs inside the request context, so every read it
 * makes writes its audit row with this request's id. Read everything in the body; child components get data.
 *
 *   export default signedInPage(async ({ params }: Props, { actor, now }) => { ... });
 */
export function signedInPage<Props>(render: (props: Props, ctx: PageContext) => Promise<ReactNode>) {
  return async function SignedInPage(props: Props): Promise<ReactNode> {
    // a render only reads: the layout and the page share one memo of access lookups (lib/cache/request-memo.ts)
    return withRequestContext(async () => withRequestMemo(async () => render(props, { actor: await signedInCaregiver(), now: clock.now() }), renderMemo()));
  };
}

/** One memo per server render (React's request cache), shared by every layout and page of it. */
const renderMemo = cache(() => new Map<string, Promise<unknown>>());
