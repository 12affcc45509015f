-- Staff accounts: admins and teachers. Deleting a user only marks it deleted, so what the user
-- recorded and the activity log keep pointing at a real row.
CREATE TABLE users (
    user_id {{pk}},
    username TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    firstname TEXT NOT NULL DEFAULT '',
    lastname TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    position TEXT,
    phonenumber1 TEXT,
    phonenumber2 TEXT,
    avatar TEXT,
    photo TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    failed_login_attempts INTEGER NOT NULL DEFAULT 0,
    account_locked_until TEXT,
    last_login TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- Usernames are case-insensitive and unique among users that are not deleted.
CREATE UNIQUE INDEX users_username_key ON users (lower(username)) WHERE deleted_at IS NULL;
CREATE INDEX users_role_status ON users (role, status);
