#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/pem.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/encoder.h>
#include <openssl/decoder.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <openssl/dh.h>
#include <openssl/dsa.h>
#include <openssl/bn.h>
#include <openssl/objects.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/crypto.h>
#include <string.h>

// OpenSSL spells a few calls as macros or variadic calls, which Swift cannot import: these
// inline forwarders give them a name Swift can call.

/// BIO_get_mem_data: the bytes a memory BIO holds.
static inline long fe_bio_mem(BIO *b, const unsigned char **out) {
  char *p = NULL;
  long n = BIO_get_mem_data(b, &p);
  *out = (const unsigned char *)p;
  return n;
}
static inline void fe_free(void *p) { OPENSSL_free(p); }
static inline long fe_ssl_ctx_set_min_proto(SSL_CTX *c, int v) { return SSL_CTX_set_min_proto_version(c, v); }
static inline long fe_ssl_ctx_set_max_proto(SSL_CTX *c, int v) { return SSL_CTX_set_max_proto_version(c, v); }
static inline long fe_ssl_set_host_name(SSL *s, const char *name) { return SSL_set_tlsext_host_name(s, name); }
static inline long fe_ssl_ctx_add_chain_cert(SSL_CTX *c, X509 *x) { return SSL_CTX_add1_chain_cert(c, x); }
static inline long fe_ssl_ctx_set_ecdh_auto(SSL_CTX *c) { return SSL_CTX_set_ecdh_auto(c, 1); }
static inline long fe_ssl_ctx_set1_groups_list(SSL_CTX *c, const char *l) { return SSL_CTX_set1_groups_list(c, l); }
static inline long fe_ssl_ctx_set1_sigalgs_list(SSL_CTX *c, const char *l) { return SSL_CTX_set1_sigalgs_list(c, l); }
static inline long fe_ssl_ctx_set_session_cache_mode(SSL_CTX *c, long m) { return SSL_CTX_set_session_cache_mode(c, m); }
static inline long fe_ssl_get_tmp_key(SSL *s, EVP_PKEY **k) { return SSL_get_peer_tmp_key(s, k); }
static inline long fe_ssl_session_reused(SSL *s) { return SSL_session_reused(s); }

/// A passphrase handed to OpenSSL's PEM/PKCS#8 readers through their callback's user pointer,
/// so a passphrase may hold any bytes (NUL included). `asked` tells "needed one, had none" apart
/// from "wrong one".
typedef struct {
  const unsigned char *data;
  int len;
  int present;
  int asked;
} fe_passphrase;

static inline int fe_passphrase_cb(char *buf, int size, int rwflag, void *u) {
  (void)rwflag;
  fe_passphrase *p = (fe_passphrase *)u;
  if (p == NULL) return -1;
  p->asked = 1;
  if (!p->present) return -1;
  if (p->len > size) return -1;
  if (p->len > 0) memcpy(buf, p->data, (size_t)p->len);
  return p->len;
}
static inline pem_password_cb *fe_passphrase_callback(void) { return fe_passphrase_cb; }

/// Names gathered by OpenSSL's do_all walkers (ciphers, digests), into a caller's list.
typedef struct {
  char **names;
  int count;
  int capacity;
} fe_name_list;

static inline void fe_name_list_add(fe_name_list *l, const char *name) {
  if (name == NULL) return;
  if (l->count == l->capacity) {
    int cap = l->capacity ? l->capacity * 2 : 64;
    char **n = (char **)OPENSSL_realloc(l->names, sizeof(char *) * (size_t)cap);
    if (n == NULL) return;
    l->names = n;
    l->capacity = cap;
  }
  l->names[l->count++] = OPENSSL_strdup(name);
}
static inline void fe_name_list_free(fe_name_list *l) {
  for (int i = 0; i < l->count; i++) OPENSSL_free(l->names[i]);
  OPENSSL_free(l->names);
}
static inline void fe_cipher_name_cb(const OBJ_NAME *name, void *arg) {
  fe_name_list_add((fe_name_list *)arg, name->name);
}
/// Every cipher name OpenSSL knows, aliases included (what Node's getCiphers lists).
static inline void fe_list_ciphers(fe_name_list *out) {
  OBJ_NAME_do_all_sorted(OBJ_NAME_TYPE_CIPHER_METH, fe_cipher_name_cb, out);
}
static inline void fe_list_digests(fe_name_list *out) {
  OBJ_NAME_do_all_sorted(OBJ_NAME_TYPE_MD_METH, fe_cipher_name_cb, out);
}

/// HKDF (extract and expand) through EVP_KDF, which also takes an empty key. OSSL_PARAM keeps
/// pointers to its names, so the array is built here where the names are static.
static inline int fe_hkdf(const char *digest, const unsigned char *key, size_t keylen, const unsigned char *salt,
                          size_t saltlen, const unsigned char *info, size_t infolen, unsigned char *out, size_t outlen) {
  EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
  if (kdf == NULL) return 0;
  EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
  EVP_KDF_free(kdf);
  if (ctx == NULL) return 0;
  static unsigned char empty[1] = {0};
  OSSL_PARAM params[5];
  params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)digest, 0);
  params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, keylen ? (void *)key : empty, keylen);
  params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltlen ? (void *)salt : empty, saltlen);
  params[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infolen ? (void *)info : empty, infolen);
  params[4] = OSSL_PARAM_construct_end();
  int ok = EVP_KDF_derive(ctx, out, outlen, params);
  EVP_KDF_CTX_free(ctx);
  return ok;
}

/// OSSL_PARAM, OSSL_PARAM_BLD and the encoder/decoder contexts keep the pointers to the names
/// they are given: names coming from Swift (temporary strings) are swapped for these static ones.
static inline const char *fe_param_key(const char *name) {
  static const char *const names[] = {"n", "e", "d", "rsa-factor1", "rsa-factor2", "rsa-exponent1", "rsa-exponent2",
                                      "rsa-coefficient1", "priv", "pub", "group", "p", "q", "g", "point-format",
                                      "encoding", "PEM", "DER", "PrivateKeyInfo", "EncryptedPrivateKeyInfo",
                                      "SubjectPublicKeyInfo", "type-specific", "pkcs1", "RSA", "EC", NULL};
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp(names[i], name) == 0) return names[i];
  return NULL;
}
