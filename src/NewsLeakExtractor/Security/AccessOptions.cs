namespace NewsLeakExtractor.Cli.Security;

/// <summary>
/// Who may use the service from another machine. Requests from this machine (loopback) need nothing; everyone else
/// signs in with <see cref="AdminPassword"/> (the <c>Dashboard</c> section) or sends <see cref="ApiKey"/> (the <c>Api</c> section).
/// Either left empty turns remote access to that part off.
/// </summary>
public sealed record AccessOptions
{
    public string? AdminPassword { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>How long a dashboard sign-in lasts without activity.</summary>
    public TimeSpan SignInLifetime { get; init; } = TimeSpan.FromHours(8);

    public bool RemoteDashboardEnabled => !string.IsNullOrEmpty(AdminPassword);

    public bool RemoteApiEnabled => !string.IsNullOrEmpty(ApiKey);

    public static AccessOptions FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration) => new()
    {
        AdminPassword = configuration["Dashboard:AdminPassword"],
        ApiKey = configuration["Api:Key"],
    };
}
