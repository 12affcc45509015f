-- Grades, attendance and the school's settings (grading rules, the attendance calendar).
-- Grades and attendance reference students without ON DELETE CASCADE: a student with records
-- cannot be deleted (their status changes instead), so nothing a report printed disappears.

-- Settings of the school, one JSON document per name ("grading", "attendance", …). The row is
-- created on the first change; until then the built-in defaults apply.
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    updated_by BIGINT,  -- the user (no foreign key: deleting an account keeps what it set)
    updated_at TEXT NOT NULL
);

-- One assessment of one student in one subject of a course. grade_month (YYYY-MM) is derived from
-- grade_date; percentage and letter are computed when read, from the settings of the day.
CREATE TABLE grades (
    grade_id {{pk}},
    student_id BIGINT NOT NULL REFERENCES students (student_id),
    course_id BIGINT NOT NULL REFERENCES courses (course_id),
    subject_id BIGINT NOT NULL REFERENCES subjects (subject_id),
    semester_id BIGINT NOT NULL REFERENCES semesters (semester_id),
    grade_type TEXT NOT NULL CHECK (grade_type IN ('ASSIGNMENT', 'QUIZ', 'EXAM', 'PARTICIPATION')),
    score DOUBLE PRECISION NOT NULL,
    max_score DOUBLE PRECISION NOT NULL,
    grade_date TEXT NOT NULL,
    grade_month TEXT NOT NULL,
    comments TEXT,
    recorded_by BIGINT,  -- the user (no foreign key, as above)
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (max_score > 0 AND score >= 0 AND score <= max_score)
);
CREATE INDEX grades_course ON grades (course_id, semester_id, subject_id);
CREATE INDEX grades_student ON grades (student_id, semester_id);
CREATE INDEX grades_course_month ON grades (course_id, grade_month);

-- One register mark: a student in a course on a date for a session (AM, PM or the FULL day).
CREATE TABLE attendance (
    attendance_id {{pk}},
    student_id BIGINT NOT NULL REFERENCES students (student_id),
    course_id BIGINT NOT NULL REFERENCES courses (course_id),
    attendance_date TEXT NOT NULL,
    session TEXT NOT NULL CHECK (session IN ('AM', 'PM', 'FULL')),
    status TEXT NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    reason TEXT,
    recorded_by BIGINT,  -- the user (no foreign key, as above)
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX attendance_one ON attendance (student_id, course_id, attendance_date, session);
CREATE INDEX attendance_course_date ON attendance (course_id, attendance_date);
CREATE INDEX attendance_student_date ON attendance (student_id, attendance_date);
