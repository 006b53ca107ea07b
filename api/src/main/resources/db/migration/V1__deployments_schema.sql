-- Wander Deploy: which version of which service went to which environment, and how it ended.
CREATE TABLE services (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{0,62}$'),
    description    TEXT        NOT NULL DEFAULT '',
    repository_url TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE environments (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{0,62}$'),
    description TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE deployments (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id     BIGINT      NOT NULL REFERENCES services (id),
    environment_id BIGINT      NOT NULL REFERENCES environments (id),
    version        TEXT        NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
    status         TEXT        NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'in_progress', 'completed', 'failed', 'rolled_back')),
    deployed_by    TEXT        NOT NULL CHECK (length(deployed_by) BETWEEN 3 AND 254),
    started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ,
    error_message  TEXT        CHECK (length(error_message) <= 2000),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The list is always newest first; each filter has an index that serves that order.
CREATE INDEX deployments_newest_idx      ON deployments (started_at DESC, id DESC);
CREATE INDEX deployments_service_idx     ON deployments (service_id, started_at DESC, id DESC);
CREATE INDEX deployments_environment_idx ON deployments (environment_id, started_at DESC, id DESC);
CREATE INDEX deployments_status_idx      ON deployments (status, started_at DESC, id DESC);
