-- Sign-in sessions with their rotating refresh tokens, integration API keys, and the activity log.

ALTER TABLE users ADD COLUMN last_failed_login TEXT;

-- A session is one sign-in. It idles out at expires_at (moved forward by heartbeat and refresh)
-- and ends for good at absolute_expires_at. Revoking it kills every token it issued.
CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (user_id),
    remember_me BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    absolute_expires_at TEXT NOT NULL,
    revoked_at TEXT,
    revoke_reason TEXT,
    ip_address TEXT,
    user_agent TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Refresh tokens are stored as SHA-256 hashes. Each is used once: rotated_at is set when it is
-- exchanged, and presenting it again revokes its session (the token family).
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (session_id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    rotated_at TEXT
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- API keys: only the SHA-256 of the secret is kept. After a rotation the previous secret keeps
-- working until previous_valid_until.
CREATE TABLE api_keys (
    key_id {{pk}},
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    previous_secret_hash TEXT,
    previous_valid_until TEXT,
    scopes TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (user_id),
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    expires_at TEXT,
    rotated_at TEXT,
    revoked_at TEXT
);
CREATE UNIQUE INDEX api_keys_secret ON api_keys (secret_hash);
CREATE INDEX api_keys_previous_secret ON api_keys (previous_secret_hash);

-- Who did what: every authentication event and every write through the API.
CREATE TABLE activity_logs (
    log_id {{pk}},
    user_id BIGINT REFERENCES users (user_id),
    action TEXT NOT NULL,
    resource TEXT,
    resource_id TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    ip_address TEXT,
    user_agent TEXT,
    request_id TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX activity_logs_created ON activity_logs (created_at);
CREATE INDEX activity_logs_user ON activity_logs (user_id, created_at);
CREATE INDEX activity_logs_action ON activity_logs (action, created_at);
