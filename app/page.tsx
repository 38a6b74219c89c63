import { redirect } from "next/navigation";
import { currentCaregiver } from "@/lib/auth/page-session";

export default async function Home() {
  redirect((await currentCaregiver()) ? "/patients" : "/login");
}
