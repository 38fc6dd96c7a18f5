import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current";

export default async function Home() {
  redirect((await getCurrentSession()) ? "/w" : "/login");
}
