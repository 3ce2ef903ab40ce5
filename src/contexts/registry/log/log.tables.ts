import type { Generated } from 'kysely';

/** One leaf per registry event, dense from 0. `entry` is the canonical JSON the leaf hash covers. */
export interface RegistryLogLeafRow {
  idx: number;
  leaf_hash: Buffer;
  entry: string;
  appended_at: string;
}

/**
 * The hash of every complete (perfect) subtree above the leaves, keyed by its in-order position:
 * level L ≥ 1, index i (covering leaves [i·2^L, (i+1)·2^L)) → pos = i·2^(L+1) + 2^L − 1.
 */
export interface RegistryLogNodeRow {
  pos: number;
  hash: Buffer;
}

/**
 * The single head row (id 1): the tree size and the "frontier" — the roots of the perfect subtrees
 * that make up the current tree, largest first, as concatenated hex. Locked by every append.
 */
export interface RegistryLogHeadRow {
  id: number;
  tree_size: number;
  frontier: string;
  updated_at: string;
}

export interface RegistryLogCheckpointRow {
  id: Generated<number>;
  origin: string;
  tree_size: number;
  root_hash: string;
  timestamp: string;
  key_id: string;
  public_key: string;
  signature: string;
}

export interface RegistryLogTables {
  registry_log_leaves: RegistryLogLeafRow;
  registry_log_nodes: RegistryLogNodeRow;
  registry_log_head: RegistryLogHeadRow;
  registry_log_checkpoints: RegistryLogCheckpointRow;
}
