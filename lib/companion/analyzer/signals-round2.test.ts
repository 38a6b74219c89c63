import { describe, expect, it } from "vitest";
import { analyzeOffline, normalize } from "../offline-analyzer";

/**
 * Round 2 of the offline analyzer's signals (docs/decisions/018): compositional signals that the three independent
 * tuning corpora showed missing, each with what must stay below it. Sentences here are written for the tests, not
 * copied from the corpora or the frozen split.
 */
const urgency = (text: string) => analyzeOffline(text).urgency;
const rulesAlone = (text: string) => analyzeOffline(text, { classifier: false }).urgency;

describe("speech as it is said", () => {
  it("reads through pauses, hesitations and repeated words, and fixes misheard medicine and measure names", () => {
    expect(normalize("I... I can't... get my... my breath")).toBe("i can not get my breath");
    expect(normalize("este... pues... se me durmió la cara")).toBe("se me durmio la cara");
    expect(normalize("the, um, the kettle")).toBe("the kettle");
    expect(normalize("i ran out of my in sulin")).toBe("i ran out of my insulin");
    expect(normalize("me quedé sin el sin trom")).toBe("me quede sin el sintrom");
    expect(normalize("la maquinita dice 500 de a sucar")).toBe("la maquinita dice 500 de azucar");
    // "ay, ay, ay" is still a moan, "help help" still a call for help, "de este ojo" keeps its word
    expect(normalize("no veo... de este ojo")).toBe("no veo de este ojo");
    expect(urgency("I... can't... breathe")).toBe("critical");
    expect(urgency("no puedo... este... respirar")).toBe("critical");
  });
});

describe("critical by composition", () => {
  it.each([
    ["self-harm: intent", "I'm going to end it tonight, I've decided"],
    ["self-harm: means", "I've been saving up my sleeping tablets in the drawer"],
    ["self-harm: farewell", "dejé la carta en la mesa para cuando me encuentren"],
    ["bleeding that won't stop", "I sliced my thumb on the bread knife and it's soaked right through the tea towel"],
    ["bleeding, Spanish", "me corté y no para de salir sangre"],
    ["cold house and confusion", "the boiler packed up and it's freezing in here, I can't think straight"],
    ["water on electrics", "there's water dripping out of the light fitting in the hall"],
    ["closing airway", "I ate a prawn and my throat is closing"],
    ["face swelling after a sting", "a wasp got me and my face is swelling up"],
    ["knock plus a sign", "I banged my head on the shelf and I've been sick since"],
    ["thunderclap headache", "the worst headache of my life came on like a thunderclap"],
    ["chest pressure across clauses", "there's a weight on my chest, like a brick, and it's going into my jaw"],
    ["unnamed device, pressure", "the machine says 230 over 130"],
    ["unnamed device, glucose mmol", "I did my insulin and now the meter is reading 2.1"],
    ["watch, pulse", "my heart is pounding and the watch says 180"],
    ["oxygen clip", "the clip on my finger says 84"],
    ["a week of pills at once", "I took the whole week's pills at once and I feel very sleepy"],
    ["threat said aloud", "a man at the door is shouting that he'll kick the door in"],
    ["sight lost in one eye, Spanish", "de repente dejé de ver por un ojo"],
    ["half the visual field", "half of everything has gone black on the left, just now"],
    ["blackout found on the floor", "everything went black and I came to on the kitchen floor"],
    ["one side, Spanish", "no siento nada del lado derecho"],
  ])("%s", (_kind, text) => {
    expect(urgency(text)).toBe("critical");
  });
});

describe("high by composition", () => {
  it.each([
    ["hopelessness", "I'm just a burden to everyone, nothing to look forward to"],
    ["blood in the urine", "there's blood when I pee"],
    ["black stools", "my stools have gone black like tar"],
    ["persistent vomiting", "I've been throwing up since last night"],
    ["no food for days", "I haven't eaten anything since Saturday"],
    ["no drink, Spanish", "no he bebido nada desde ayer"],
    ["fever and losing track", "I've got a fever and I keep losing track of what day it is"],
    ["infected wound", "the cut on my leg is red and hot and there's pus"],
    ["blistered burn", "I burnt my hand on the kettle and it's blistered"],
    ["reaction to a new medicine", "since the new tablets I've come out in hives"],
    ["lost outside", "I can't remember the way home, nothing looks familiar"],
    ["scam in progress", "a man from the bank rang and says I must transfer my savings today"],
    ["vital medicine gap, named before", "I finished my insulin on Friday and haven't had any since"],
    ["vital medicine gap, Spanish", "las pastillas de la presión, no las tengo hace tres días"],
    ["a fall one got up from", "I fell in the garden but I got myself up, I'm just shaken"],
  ])("%s", (_kind, text) => {
    expect(urgency(text)).toBe("high");
  });
});

describe("what must stay below", () => {
  it.each([
    ["an idiom", "I nearly had a heart attack when I saw the gas bill", "none"],
    ["a hypothetical fall", "qué hago si me caigo y estoy sola", "medium"],
    ["a bill about water and electricity", "the water and electricity bill came today"],
    ["running low, ordering", "I'm running low on insulin, I'll order more"],
    ["seizure tablets", "I picked up my seizure tablets from the chemist"],
    ["a sore throat", "my throat is swollen with this cold"],
    ["a scam put down", "a man rang saying I owe money, I hung up on him"],
    ["blood pressure", "my blood pressure was 130 over 80"],
    ["a memory", "I was a nurse in the war, blood everywhere, but that was long ago"],
    ["standing up straight", "my back is stiff and I can't stand up straight"],
  ])("%s", (_kind, text, ceiling = "high") => {
    const order = ["none", "low", "medium", "high", "critical"];
    expect(order.indexOf(urgency(text))).toBeLessThanOrEqual(order.indexOf(ceiling));
    expect(urgency(text)).not.toBe("critical");
  });
});

describe("the learned floor (decision 019)", () => {
  it("raises an emergency the rules are blind to, and nothing the rules decided", () => {
    const text = "I cannot wake my legs up and everything is tilting";
    expect(rulesAlone(text)).toBe("none");
    expect(urgency(text)).toBe("critical");
    expect(analyzeOffline(text).emergency_reasons).toContain("classifier");
    // the rules set these aside for their scope, rated them on purpose, or will ask: the floor leaves them
    for (const t of [
      "I no longer have chest pain",
      "I don't want to die",
      "my fingers are a bit numb from the cold",
      "something is really wrong",
      "my neighbour fell down the stairs yesterday",
    ])
      expect(urgency(t)).not.toBe("critical");
  });

  it("does not raise everyday chat", () => {
    const chat = [
      "hello there",
      "ok",
      "okay then",
      "what time is it",
      "see you tomorrow",
      "who is this",
      "I'm going to bed now",
      "I don't know",
      "not really",
      "just sitting here",
      "voy a la iglesia",
      "my grandson is coming on Sunday",
      "the cat wants feeding",
      "I'm off to the shops",
      "estoy viendo la novela",
      "mi hija viene mañana",
      "no encuentro los lentes",
      "the doctor's appointment is on Friday",
      "read me the news",
    ];
    for (const t of chat) expect([t, urgency(t)]).toEqual([t, rulesAlone(t)]);
  });
});
