namespace Kinerja.Application.Common;

/// <summary>What a write did: the stream, its version after the write (the new ETag) and the key the resource is addressed by.</summary>
public sealed record Written(Guid Id, long Version, string Key);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A read together with the version of the stream behind it (the ETag).</summary>
public sealed record Versioned<T>(T Value, long Version);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}
