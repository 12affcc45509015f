-- The school's structure (years, semesters, subjects, class sections) and its student records
-- (students, guardians shared by siblings, families, scholarships, enrollments), uploaded files,
-- idempotent POST replays and the counters that number students.
-- Every mutable table has row_version, bumped on each change of what its representation shows:
-- it is the ETag, and If-Match compares against it.

ALTER TABLE users ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;

-- Uploaded files (photos, avatars): the bytes live under <data-dir>/uploads, named by their
-- SHA-256; the row says what they are and who sent them.
CREATE TABLE files (
    file_id {{pk}},
    storage_path TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by BIGINT,  -- the user (no foreign key: deleting an account keeps what it uploaded)
    created_at TEXT NOT NULL
);
CREATE INDEX files_sha256 ON files (sha256);

ALTER TABLE users ADD COLUMN avatar_file_id BIGINT REFERENCES files (file_id);

CREATE TABLE school_years (
    school_year_id {{pk}},
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_date < end_date)
);
CREATE UNIQUE INDEX school_years_name ON school_years (name);
-- At most one current year.
CREATE UNIQUE INDEX school_years_current ON school_years (is_current) WHERE is_current = TRUE;

CREATE TABLE semesters (
    semester_id {{pk}},
    school_year_id BIGINT NOT NULL REFERENCES school_years (school_year_id),
    name TEXT NOT NULL,
    semester_order INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_date < end_date)
);
CREATE UNIQUE INDEX semesters_order ON semesters (school_year_id, semester_order);

CREATE TABLE subjects (
    subject_id {{pk}},
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_kh TEXT,
    max_score DOUBLE PRECISION NOT NULL CHECK (max_score > 0),
    coefficient DOUBLE PRECISION NOT NULL CHECK (coefficient > 0),
    grade_levels TEXT NOT NULL DEFAULT '',  -- comma-separated grade levels, e.g. "7,8,9"
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX subjects_code ON subjects (lower(code));

-- A class section in a school year ("7A"). active_enrollments counts its active enrollments, so
-- "not over capacity" is one conditional UPDATE that concurrent enrollments cannot race past.
CREATE TABLE courses (
    course_id {{pk}},
    school_year_id BIGINT NOT NULL REFERENCES school_years (school_year_id),
    grade_level INTEGER NOT NULL,
    section TEXT NOT NULL,
    name TEXT NOT NULL,
    homeroom_teacher_id BIGINT REFERENCES users (user_id),
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    track TEXT,
    active_enrollments INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (active_enrollments <= capacity)
);
CREATE UNIQUE INDEX courses_section ON courses (school_year_id, grade_level, section);
CREATE INDEX courses_homeroom ON courses (homeroom_teacher_id);

-- Which subjects a course takes and who teaches each: these decide which teachers may record
-- grades and attendance for the course.
CREATE TABLE course_subjects (
    course_id BIGINT NOT NULL REFERENCES courses (course_id) ON DELETE CASCADE,
    subject_id BIGINT NOT NULL REFERENCES subjects (subject_id),
    teacher_id BIGINT REFERENCES users (user_id),
    PRIMARY KEY (course_id, subject_id)
);
CREATE INDEX course_subjects_teacher ON course_subjects (teacher_id);
CREATE INDEX course_subjects_subject ON course_subjects (subject_id);

CREATE TABLE students (
    student_id {{pk}},
    student_code TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name_kh TEXT,
    last_name_kh TEXT,
    date_of_birth TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    place_of_birth TEXT NOT NULL,
    nationality TEXT NOT NULL,
    religion TEXT NOT NULL,
    address TEXT NOT NULL,
    commune TEXT NOT NULL,
    district TEXT NOT NULL,
    province TEXT NOT NULL,
    phone_number TEXT,
    email TEXT,
    emergency_contact TEXT,
    emergency_phone TEXT,
    medical_conditions TEXT,
    allergies TEXT,
    medications TEXT,
    blood_type TEXT,
    photo_file_id BIGINT REFERENCES files (file_id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'graduated', 'transferred')),
    enrollment_date TEXT NOT NULL,
    graduation_date TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX students_code ON students (student_code);
CREATE INDEX students_names ON students (last_name, first_name, student_id);
CREATE INDEX students_status ON students (status);
CREATE INDEX students_province ON students (province);

-- Search: every prefix (1 to 20 characters) of every word of a student's Latin and Khmer names
-- and of the student code, lower-cased, so `q` is an index lookup whatever the collation.
CREATE TABLE student_search (
    token TEXT NOT NULL,
    student_id BIGINT NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    PRIMARY KEY (token, student_id)
);
CREATE INDEX student_search_student ON student_search (student_id);

-- Guardians are people in their own right; siblings share them.
CREATE TABLE guardians (
    guardian_id {{pk}},
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    occupation TEXT,
    email TEXT,
    address TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE student_guardians (
    student_id BIGINT NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    guardian_id BIGINT NOT NULL REFERENCES guardians (guardian_id),
    relation TEXT NOT NULL CHECK (relation IN ('father', 'mother', 'grandparent', 'sibling', 'other')),
    is_primary BOOLEAN NOT NULL,
    PRIMARY KEY (student_id, guardian_id)
);
CREATE INDEX student_guardians_guardian ON student_guardians (guardian_id);

CREATE TABLE families (
    student_id BIGINT PRIMARY KEY REFERENCES students (student_id) ON DELETE CASCADE,
    family_composition TEXT NOT NULL,
    family_size INTEGER NOT NULL,
    monthly_income DOUBLE PRECISION NOT NULL,
    has_poverty_card BOOLEAN NOT NULL,
    poverty_card_number TEXT,
    special_circumstances TEXT
);

CREATE TABLE scholarships (
    scholarship_id {{pk}},
    student_id BIGINT NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    sponsor TEXT NOT NULL,
    amount DOUBLE PRECISION NOT NULL CHECK (amount >= 0),
    start_date TEXT NOT NULL,
    end_date TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX scholarships_student ON scholarships (student_id);

-- school_year_id repeats the course's year so that "one active enrollment per student and year"
-- is a unique index.
CREATE TABLE enrollments (
    enrollment_id {{pk}},
    student_id BIGINT NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    course_id BIGINT NOT NULL REFERENCES courses (course_id),
    school_year_id BIGINT NOT NULL REFERENCES school_years (school_year_id),
    enrollment_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'dropped', 'transferred', 'completed')),
    drop_semester_id BIGINT REFERENCES semesters (semester_id),
    drop_reason TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX enrollments_one_active ON enrollments (student_id, school_year_id) WHERE status = 'active';
CREATE INDEX enrollments_student ON enrollments (student_id);
CREATE INDEX enrollments_course ON enrollments (course_id, status);

-- Named counters (student codes per year …): one atomic UPDATE … RETURNING each.
CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- A POST with an Idempotency-Key: the first response, replayed for 24 hours to the same caller.
CREATE TABLE idempotency_keys (
    owner TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
