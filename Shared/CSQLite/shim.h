// System SQLite (Debian libsqlite3-dev, 3.40) for WindMakerStorage, plus static inline shims for the macros Swift
// cannot import. Only WindMakerStorage imports this module, and only internally.
#ifndef C_SQLITE_SHIM_H
#define C_SQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is ((sqlite3_destructor_type)-1), a cast Swift does not import: it tells SQLite to copy the
// bound bytes before the bind call returns, so Swift's temporary buffers may go away afterwards.
static inline sqlite3_destructor_type wm_sqlite3_transient(void) { return SQLITE_TRANSIENT; }

// The extended result codes are built as (SQLITE_CONSTRAINT | (n<<8)), macros Swift does not import.
static const int wm_SQLITE_CONSTRAINT_CHECK = SQLITE_CONSTRAINT_CHECK;
static const int wm_SQLITE_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT_FOREIGNKEY;
static const int wm_SQLITE_CONSTRAINT_NOTNULL = SQLITE_CONSTRAINT_NOTNULL;
static const int wm_SQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT_PRIMARYKEY;
static const int wm_SQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT_UNIQUE;

// sqlite3_config is variadic, which Swift cannot call. Memory statistics make every SQLite allocation take a global
// mutex; WindMakerStorage does not read them, so it turns them off before the first connection opens.
static inline int wm_sqlite3_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

#endif
