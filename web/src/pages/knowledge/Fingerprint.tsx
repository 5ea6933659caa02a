// A signing key's fingerprint as people read it aloud and compare it: monospace, in groups of four.
import { normaliseFingerprint } from "../../../../src/domain/knowledge/feedProblems";

export function Fingerprint({ value }: { value: string }) {
  return <code className="fingerprint">{normaliseFingerprint(value) ?? value}</code>;
}
