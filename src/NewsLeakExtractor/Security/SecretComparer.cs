using System.Security.Cryptography;
using System.Text;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>Compares a submitted secret with the configured one in time that does not depend on where they differ.</summary>
public static class SecretComparer
{
    public static bool Matches(string? submitted, string? expected)
    {
        if (string.IsNullOrEmpty(submitted) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        // Hashing first gives equal lengths, so even the length of the secret does not leak through timing.
        var left = SHA256.HashData(Encoding.UTF8.GetBytes(submitted));
        var right = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
