// libpq (Debian libpq-dev), PostgreSQL's own client library, for the PostgreSQL store (docs/SCALE-OUT.md).
#include <libpq-fe.h>
