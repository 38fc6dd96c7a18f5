import { Brand } from "@/components/brand";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <Brand className="mb-8 text-lg" />
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
