"""AES-CBC for secretstorage in the Linux bundle, through the OpenSSL the bundle already ships.

secretstorage (keyring's GNOME Keyring / KDE Wallet backend) encrypts the secret it sends over
D-Bus with AES-128-CBC and imports exactly four names from `cryptography` for it: `Cipher`,
`algorithms.AES`, `modes.CBC` and `default_backend` (it pads and derives the key itself, with
hashlib and hmac). The `cryptography` package is 12 MB of Rust and OpenSSL in the bundle, a
ninth of it, for those sixteen-byte blocks. This module provides the same four names on top of
`libcrypto`, the OpenSSL library Python's own `_ssl`/`_hashlib` load (so nothing is added), and
packaging/pyinstaller_hooks/rthook_aes_cbc.py registers it as `cryptography.hazmat…` in the
frozen Linux app only. Windows and macOS builds do not use secretstorage.

Only what secretstorage calls is provided: CBC without padding (the caller pads), 128/192/256-bit
keys, `encryptor()`/`decryptor()` with `update()` and `finalize()`. tests/test_packaging.py checks
it against NIST SP 800-38A and against `cryptography` itself; tests/test_dist.py round-trips a key
through the real GNOME keyring with the frozen app.
"""

from __future__ import annotations

import ctypes
import sys
import types

_lib: ctypes.CDLL | None = None


def _libcrypto_path() -> str:
    """The libcrypto this process already loaded for hashlib (same library, same version)."""
    import _hashlib  # noqa: F401 - loads libcrypto

    with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
        for line in maps:
            path = line.split(None, 5)[-1].strip()
            if "/libcrypto.so" in path:
                return path
    raise OSError("OpenSSL's libcrypto is not loaded in this process")


def _libcrypto() -> ctypes.CDLL:
    global _lib  # noqa: PLW0603 - the process's one libcrypto, bound once on first use
    if _lib is None:
        lib = ctypes.CDLL(_libcrypto_path())
        p, c, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        for name, restype, argtypes in (
            ("EVP_CIPHER_CTX_new", p, []),
            ("EVP_CIPHER_CTX_free", None, [p]),
            ("EVP_CIPHER_CTX_set_padding", i, [p, i]),
            ("EVP_aes_128_cbc", p, []), ("EVP_aes_192_cbc", p, []), ("EVP_aes_256_cbc", p, []),
            ("EVP_CipherInit_ex", i, [p, p, p, c, c, i]),
            ("EVP_CipherUpdate", i, [p, c, ctypes.POINTER(i), c, i]),
            ("EVP_CipherFinal_ex", i, [p, c, ctypes.POINTER(i)]),
        ):
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        _lib = lib
    return _lib


class AES:
    block_size = 128

    def __init__(self, key: bytes) -> None:
        if len(key) not in (16, 24, 32):
            raise ValueError(f"Invalid key size ({len(key) * 8}) for AES.")
        self.key = bytes(key)


class CBC:
    def __init__(self, initialization_vector: bytes) -> None:
        if len(initialization_vector) != 16:
            raise ValueError("Invalid IV size for CBC.")
        self.initialization_vector = bytes(initialization_vector)


class _Context:
    def __init__(self, algorithm: AES, mode: CBC, encrypt: bool) -> None:
        self._lib = lib = _libcrypto()
        cipher = {16: lib.EVP_aes_128_cbc, 24: lib.EVP_aes_192_cbc, 32: lib.EVP_aes_256_cbc}[len(algorithm.key)]()
        self._ctx = lib.EVP_CIPHER_CTX_new()
        if not self._ctx:
            raise MemoryError("EVP_CIPHER_CTX_new failed")
        if (lib.EVP_CipherInit_ex(self._ctx, cipher, None, algorithm.key, mode.initialization_vector, int(encrypt))
                != 1 or lib.EVP_CIPHER_CTX_set_padding(self._ctx, 0) != 1):
            self._free()
            raise ValueError("OpenSSL refused the AES-CBC key or IV")

    def update(self, data: bytes) -> bytes:
        if self._ctx is None:
            raise ValueError("Context was already finalized.")
        data = bytes(data)
        out = ctypes.create_string_buffer(len(data) + 16)
        n = ctypes.c_int(0)
        if self._lib.EVP_CipherUpdate(self._ctx, out, ctypes.byref(n), data, len(data)) != 1:
            raise ValueError("AES-CBC update failed")
        return out.raw[:n.value]

    def finalize(self) -> bytes:
        if self._ctx is None:
            raise ValueError("Context was already finalized.")
        out = ctypes.create_string_buffer(16)
        n = ctypes.c_int(0)
        ok = self._lib.EVP_CipherFinal_ex(self._ctx, out, ctypes.byref(n))
        self._free()
        if ok != 1:
            raise ValueError("The length of the provided data is not a multiple of the block length.")
        return out.raw[:n.value]

    def _free(self) -> None:
        if self._ctx is not None:
            self._lib.EVP_CIPHER_CTX_free(self._ctx)
            self._ctx = None

    def __del__(self) -> None:
        self._free()


class Cipher:
    def __init__(self, algorithm: object, mode: object, backend: object = None) -> None:
        # secretstorage passes AES and CBC; anything else would be a cipher this stand-in lacks
        if not isinstance(algorithm, AES) or not isinstance(mode, CBC):
            raise TypeError("only AES in CBC mode is available in this build")
        self.algorithm, self.mode = algorithm, mode

    def encryptor(self) -> _Context:
        return _Context(self.algorithm, self.mode, True)

    def decryptor(self) -> _Context:
        return _Context(self.algorithm, self.mode, False)


def default_backend() -> object:
    return None


def install() -> None:
    """Register this module as the parts of `cryptography` secretstorage imports."""
    names = ("cryptography", "cryptography.hazmat", "cryptography.hazmat.backends",
             "cryptography.hazmat.primitives", "cryptography.hazmat.primitives.ciphers")
    mods = {name: types.ModuleType(name, "AES-CBC through libcrypto (packaging/linux/aes_cbc_openssl.py)")
            for name in names}
    for name, mod in mods.items():
        mod.__path__ = []  # a package, so its submodules resolve from sys.modules
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(mods[parent], child, mod)
    setattr(mods["cryptography.hazmat.backends"], "default_backend", default_backend)  # noqa: B010 - a module built here
    ciphers = mods["cryptography.hazmat.primitives.ciphers"]
    setattr(ciphers, "Cipher", Cipher)  # noqa: B010
    setattr(ciphers, "algorithms", types.SimpleNamespace(AES=AES))  # noqa: B010
    setattr(ciphers, "modes", types.SimpleNamespace(CBC=CBC))  # noqa: B010
    for name, mod in mods.items():
        sys.modules.setdefault(name, mod)
