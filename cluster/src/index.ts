export { DEFAULT_PORTS, startCluster, type ClusterOptions, type RunningCluster } from './cluster.js';
export { clusterToolsAvailable, createPrimary, createReplica, psql, type PostgresCluster } from '@binaan/db/clusters';
