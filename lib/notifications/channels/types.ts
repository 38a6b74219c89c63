/** One message to one recipient on one channel, already rendered (no PHI beyond what the channel needs). */
export interface OutboundMessage {
  /** phone number, email address, or (web push) the subscription id */
  to: string;
  /** SMS text, the email's plain-text part, the spoken text of a call, a notification's body */
  text: string;
  subject?: string;
  html?: string;
  /** voice: the URL Twilio calls back with the key the caregiver pressed */
  gatherUrl?: string;
  /** voice: the `<Say>` voice and language, the keypad prompt and what is said when no key comes, in the caregiver's language */
  spoken?: { voice: string; language: string; prompt: string; noKey: string };
  /** status callbacks come back here */
  statusCallbackUrl?: string;
  /** web push: the notification's title, the page a click opens, and how urgent it is */
  title?: string;
  url?: string;
  urgent?: boolean;
  /** web push: how long the push service keeps it for a browser that is offline */
  ttlSeconds?: number;
  /** the attempt's id: a provider that can collapse duplicates (Web Push `Topic`) uses it */
  attemptId?: string;
}

export interface ChannelResult {
  /** skipped: a rule forbids sending it (the SMS channel's sms_contact guard); `error` says which */
  status: "sent" | "failed" | "simulated" | "skipped";
  providerId?: string;
  error?: string;
  /** failed, and trying again cannot help (an invalid number, a subscription that is gone) */
  permanent?: boolean;
}

export interface ChannelSender {
  send(message: OutboundMessage): Promise<ChannelResult>;
}
