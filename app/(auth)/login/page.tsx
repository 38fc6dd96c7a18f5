import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentSession } from "@/lib/auth/current";
import { safeCallbackUrl } from "@/lib/auth/schemas";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, "/w");
  if (await getCurrentSession()) redirect(target);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Sign in to Roster</h1>
        </CardTitle>
        <CardDescription>Welcome back. Sign in to manage your team.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm callbackUrl={target} />
        <p className="mt-4 text-center text-sm">
          <Link href="/reset-password" className="font-medium text-primary underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        </p>
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        New to Roster?&nbsp;
        <Link href="/signup" className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </CardFooter>
    </Card>
  );
}
