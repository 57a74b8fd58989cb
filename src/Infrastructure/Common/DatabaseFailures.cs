using System.Net.Sockets;
using Npgsql;

namespace Kinerja.Infrastructure.Common;

public static class DatabaseFailures
{
    /// <summary>True when PostgreSQL could not be reached or refused connections: worth a retry later (503), not a bug (500).</summary>
    public static bool IsUnavailable(Exception? ex) => ex switch
    {
        null => false,
        PostgresException pg => pg.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { IsTransient: true } or SocketException or TimeoutException => true,
        AggregateException agg => agg.InnerExceptions.Any(IsUnavailable),
        _ => IsUnavailable(ex.InnerException),
    };
}
