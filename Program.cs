using NSec.Cryptography;
var alg = SignatureAlgorithm.Ed25519;
using var key = Key.Create(alg);
var data = "hello"u8.ToArray();
var sig = alg.Sign(key, data);
Console.WriteLine(alg.Verify(key.PublicKey, data, sig));
