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

    /// <summary>
    /// PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization failure (40001): nothing was
    /// committed, and the same request may well succeed when sent again, so it is a conflict to retry (409), not a bug (500).
    /// </summary>
    public static bool IsLostRace(Exception? ex) => ex switch
    {
        null => false,
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        AggregateException agg => agg.InnerExceptions.Any(IsLostRace),
        _ => IsLostRace(ex.InnerException),
    };
}
