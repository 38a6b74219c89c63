/** Next.js calls this once when a server process starts: the job engine starts here (lib/jobs/engine.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobEngine } = await import("./lib/jobs/engine");
  await startJobEngine();
}
