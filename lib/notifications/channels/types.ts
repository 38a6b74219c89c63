/** One message to one recipient on one channel, already rendered (no PHI beyond what the channel needs). */
export interface OutboundMessage {
  to: string;
  /** SMS and push text, the email's plain-text part, the spoken text of a call */
  text: string;
  subject?: string;
  html?: string;
  /** voice: the URL Twilio calls back with the key the caregiver pressed */
  gatherUrl?: string;
  /** status callbacks come back here */
  statusCallbackUrl?: string;
}

export interface ChannelResult {
  status: "sent" | "failed" | "simulated";
  providerId?: string;
  error?: string;
}

export interface ChannelSender {
  send(message: OutboundMessage): Promise<ChannelResult>;
}
