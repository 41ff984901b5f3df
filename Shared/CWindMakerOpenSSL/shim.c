// SwiftPM needs at least one source file in a C target; everything lives in the header.
#include "CWindMakerOpenSSL.h"
