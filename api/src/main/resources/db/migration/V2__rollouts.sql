-- Rollouts: deployments created through the API are walked through their steps by a worker.
-- A row here marks a deployment as automated (seeded ones have none) and carries the lease that
-- keeps two workers from running one deployment. Redis carries the jobs; this table is the truth
-- a worker falls back on when a job is lost (see RolloutRelay).
CREATE TABLE rollouts (
    deployment_id    BIGINT      PRIMARY KEY REFERENCES deployments (id) ON DELETE CASCADE,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    enqueued_at      TIMESTAMPTZ,
    worker           TEXT,
    lease_token      TEXT,
    lease_expires_at TIMESTAMPTZ,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    plan_decided     BOOLEAN     NOT NULL DEFAULT false,
    fail_step        TEXT        CHECK (fail_step IN ('build', 'push', 'deploy', 'health_check')),
    finished_at      TIMESTAMPTZ
);

-- The relay's scan: unfinished rollouts, oldest first.
CREATE INDEX rollouts_unfinished_idx ON rollouts (requested_at) WHERE finished_at IS NULL;

CREATE TABLE deployment_steps (
    deployment_id BIGINT      NOT NULL REFERENCES rollouts (deployment_id) ON DELETE CASCADE,
    step          TEXT        NOT NULL CHECK (step IN ('build', 'push', 'deploy', 'health_check', 'done')),
    position      SMALLINT    NOT NULL CHECK (position BETWEEN 1 AND 5),
    status        TEXT        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    worker        TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    message       TEXT        CHECK (length(message) <= 2000),
    -- A step is recorded once, however often its job is delivered.
    PRIMARY KEY (deployment_id, step),
    UNIQUE (deployment_id, position)
);
