// Integration and end-to-end fixtures start real PostgreSQL, Redis and service processes; on a 2-core machine
// running them side by side makes every test slower and timing-sensitive ones flaky, so classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
