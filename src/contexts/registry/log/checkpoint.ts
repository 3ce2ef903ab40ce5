/** A signed tree head. The signature (SM2, DER, hex) covers exactly `checkpointText(...)`. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  signature: string;
  publicKeyPem: string;
}

/** The signed text of a checkpoint: `<origin>\n<treeSize>\n<rootHash hex>\n<timestamp RFC 3339 UTC>\n`. */
export function checkpointText(c: { origin: string; treeSize: number; rootHash: string; timestamp: string }): string {
  return `${c.origin}\n${c.treeSize}\n${c.rootHash}\n${c.timestamp}\n`;
}
