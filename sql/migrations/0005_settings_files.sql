-- Files the school's settings point to (the logo printed on every document). A file named here is
-- in use, like a student's photo, and is never swept away.
CREATE TABLE settings_files (
    name TEXT PRIMARY KEY,  -- 'school.logo'
    file_id BIGINT NOT NULL REFERENCES files (file_id)
);
