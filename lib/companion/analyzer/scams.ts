/**
 * Scams in progress (issue 11, round 2): a caller, money, and now. "My grandson rang, he needs two thousand pounds
 * for bail and I'm off to the post office", "a man from the bank says I must move my savings today", "me llamaron
 * del banco, tengo que hacer una transferencia ahora mismo". `high`: someone should call before the money goes.
 * A call that was put down ("I hung up", "les colgué") stays the phrase rules' worry.
 */
import type { Finding, Utterance } from "./types";

const CALLER =
  /\b(?:rang|called|calls|phoned|rung|a call from|on the phone|on the other line|holding on|says (?:he|she) is|said (?:he|she|it) (?:was|is)|says (?:he|she|they) (?:are|is) from|(?:man|woman|lady|guy|somebody|someone) from (?:the )?(?:bank|medicare|irs|police|tax|council|microsoft|amazon|hmrc)|me (?:llamo|llamaron|ha llamado|han llamado|hablo|hablaron)|una llamada|dice que es|dicen que (?:soy|es|gane)|me dijeron que|(?:the |a |this |that )?(?:man|woman|lady|guy|caller|voice|fellow) (?:said|says|told me|wants|wanted)|el (?:senor|hombre|muchacho) (?:dijo|dice))\b/;
const MONEY =
  /\b(?:\d{3,}|hundred|thousand|pounds|dollars|euros|pesos|money|cash|savings|account|bank details|card details|gift cards?|card|fee|tarjeta|itunes|bitcoin|transfer|wire|bail|fine|plata|dinero|ahorros|cuenta|transferencia|giro|tarjetas? de regalo|mil|premio|prize)\b/;
const NOW =
  /\b(?:now|right now|today|straight away|immediately|off to|going to the (?:bank|post office|shop|store)|on my way|i am at the|he is holding|holding on|waiting (?:outside|on the line)|ahora mismo|ahora|hoy|ya voy|voy (?:al|a la) (?:banco|correo|tienda)|voy saliendo|en camino|enseguida|ya mismo)\b/;
const DEMAND =
  /\b(?:needs?|must|have to|has to|got to|asked (?:me )?(?:for|to)|wants? (?:me to|money|the)|send|sending|buy|move|pay|transfer|tengo que|tiene que|hay que|necesita|necesito|pide|pidio|piden|pidieron|mandar|mande|enviar|comprar|pagar|depositar|sacar)\b/;
const DONE = /\b(?:hung up|put the phone down|did not (?:give|send|tell)|told (?:him|her|them) to|colgue|le colgue|les colgue|no (?:le|les) di)\b/;

/** the money already given away: card numbers read out, details handed over */
const GIVEN =
  /\b(?:read (?:him|her|them) the (?:numbers|details)|gave (?:him|her|them) my (?:card|bank|account|pin)|(?:le|les) (?:di|dicte|lei) (?:los numeros|el numero|mis datos) de (?:la|mi) (?:tarjeta|cuenta))\b/;

export function scamSignals(u: Utterance): Finding[] {
  const { text } = u;
  if (GIVEN.test(text)) return [{ urgency: "high", topics: ["safety"], sentiment: "concerned" }];
  if (CALLER.test(text) && MONEY.test(text) && DEMAND.test(text) && NOW.test(text) && !DONE.test(text))
    return [{ urgency: "high", health: undefined, topics: ["safety"], sentiment: "concerned" }];
  return [];
}
