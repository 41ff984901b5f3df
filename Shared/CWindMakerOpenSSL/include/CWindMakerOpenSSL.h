// System OpenSSL (3.x) for WindMakerTLS, plus static inline shims for the function-like macros and
// union accessors Swift cannot call or read. Only WindMakerTLS imports this module, and only internally.
#ifndef C_WIND_MAKER_OPENSSL_H
#define C_WIND_MAKER_OPENSSL_H

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/tls1.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

// MARK: - SSL_CTX configuration macros

static inline int wm_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int wm_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

static inline long wm_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

// Frees a connection's record buffers while it has nothing to read or write: most RPC connections are idle most of
// the time.
static inline long wm_SSL_CTX_set_release_buffers(SSL_CTX *ctx) {
    return SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
}

// SSL_OP_* are built with SSL_OP_BIT(n), a cast expression Swift does not import.
static inline uint64_t wm_SSL_OP_NO_TICKET(void) { return SSL_OP_NO_TICKET; }
static inline uint64_t wm_SSL_OP_NO_RENEGOTIATION(void) { return SSL_OP_NO_RENEGOTIATION; }
static inline uint64_t wm_SSL_OP_NO_COMPRESSION(void) { return SSL_OP_NO_COMPRESSION; }

// MARK: - Per-connection macros

static inline int wm_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline size_t wm_BIO_pending(BIO *bio) { return BIO_ctrl_pending(bio); }

// MARK: - X.509 helpers

static inline int wm_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }

static inline const GENERAL_NAME *wm_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}

static inline void wm_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }

static inline int wm_GENERAL_NAME_type(const GENERAL_NAME *name) { return name->type; }

/// The string payload of a URI, DNS or IP general name (IA5String or OCTET STRING); NULL for other types.
static inline const ASN1_STRING *wm_GENERAL_NAME_string(const GENERAL_NAME *name) {
    switch (name->type) {
    case GEN_URI:
        return name->d.uniformResourceIdentifier;
    case GEN_DNS:
        return name->d.dNSName;
    case GEN_IPADD:
        return name->d.iPAddress;
    default:
        return NULL;
    }
}

static inline void wm_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }

#endif
