/** English or Spanish, from marker words and the patient's language when the text alone is ambiguous. */
import { BOUNDARY } from "./normalize";

const ES_MARKERS = new Set(
  (
    "el la los las que de del y me mi mis estoy tengo no es muy pero con por para una un hoy ya se hola gracias esta " +
    "yo tu usted su al lo le les como cuando donde porque pastilla nieta nieto hija hijo bien mal buenos buenas dias " +
    "noches tarde ayer manana siento duele caido cai ayuda estoy soy fue hace hay todo nada mucho poco en quiero " +
    "llama huele cocina listo lista casa ahora tambien ambulancia morir morirme pecho nadie puedo vivir auxilio socorro"
  ).split(" "),
);
const EN_MARKERS = new Set(
  (
    "the i you is am are my and to of it not have was today with a an this that what in on for just so very " +
    "feel feeling had been did do does he she they we your me hello hi good morning thanks thank please help fell " +
    "took pills yes can will would could about"
  ).split(" "),
);

export function detectLanguage(raw: string, norm: string, hint?: string): "en" | "es" {
  const tokens = norm.split(" ").filter((t) => t !== BOUNDARY);
  let es = /[ñ¿¡áéíóú]/i.test(raw) ? 2 : 0;
  let en = 0;
  for (const t of tokens) {
    if (ES_MARKERS.has(t)) es += 1;
    if (EN_MARKERS.has(t)) en += 1;
  }
  const h = hint?.toLowerCase().startsWith("es") ? "es" : hint?.toLowerCase().startsWith("en") ? "en" : undefined;
  if (h && Math.abs(es - en) < 2) return h;
  if (es === en) return h ?? "en";
  return es > en ? "es" : "en";
}
