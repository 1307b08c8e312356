using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ElsaFlow.Server.Connections;

/// <summary>Encrypts connection strings for the store and decrypts them for the catalog (ASP.NET Core Data Protection).</summary>
public sealed class ConnectionProtector(IDataProtectionProvider provider)
{
    // The purpose isolates these payloads: ciphertext made for another purpose (or another application) does not decrypt here.
    private const string Purpose = "ElsaFlow.Connections.ConnectionString.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string connectionString) => _protector.Protect(connectionString);

    /// <summary>The plain connection string; a <see cref="CryptographicException"/> becomes a message that says what to check.</summary>
    public string Unprotect(string name, string ciphertext)
    {
        try
        {
            return _protector.Unprotect(ciphertext);
        }
        catch (CryptographicException)
        {
            throw new ConnectionSecretUnreadableException(
                $"The secret of connection '{name}' cannot be decrypted: the key ring (ElsaFlow:Connections:KeyRing) is not the one it was saved with; save the connection again");
        }
    }
}
