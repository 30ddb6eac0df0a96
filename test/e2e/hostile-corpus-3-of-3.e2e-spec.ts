import { describeCorpusShard } from '../support/hostile-corpus-shard';

// The bad-input corpus's shard 3: every third operation of the OpenAPI document (test/support/hostile-corpus-shard.ts).
describeCorpusShard(3);
