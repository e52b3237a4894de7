import { TokenComparison } from "@/components/tokens/token-comparison";

export default function TokensPage() {
  return <TokenComparison />;
}
