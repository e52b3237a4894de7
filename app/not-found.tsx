import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-slate-700">
        There is nothing at this address. Start from the <Link href="/" className="text-blue-700 underline">session overview</Link> or{" "}
        <Link href="/diagnose" className="text-blue-700 underline">diagnose an error</Link>.
      </p>
    </div>
  );
}
