# PyInstaller runtime hook (Linux bundle): secretstorage's AES-CBC through the bundled libcrypto
# instead of the `cryptography` package, which build.spec leaves out (see aes_cbc_openssl.py).
import aes_cbc_openssl

aes_cbc_openssl.install()
