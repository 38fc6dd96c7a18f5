import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { SignUpForm } from "@/components/auth/signup-form";
import { getCurrentSession } from "@/lib/auth/current";

export const metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getCurrentSession()) redirect("/w");
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Create your Roster account</h1>
        </CardTitle>
        <CardDescription>You get your own workspace, where you are the owner. Invite your team next.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        Already have an account?&nbsp;
        <Link href="/login" className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
