using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Kinerja.WriteFloor;

/// <summary>The request body: the shape of Kinerja's public feedback (submission id, group, seven scores, a comment).</summary>
public sealed record FeedbackBody(string? SubmissionId, string RespondentGroup, Dictionary<string, int> Scores, string? Comment);

public sealed record PublicFeedbackReceived(
    Guid StreamId, string SubmissionId, string RespondentGroup, Dictionary<string, int> Scores, string? Comment, DateTimeOffset ReceivedAt);

/// <summary>The inline snapshot: how many answers a stream received and the sum of the scores per value.</summary>
public sealed class Tally
{
    public Guid Id { get; set; }

    public int Count { get; set; }

    public Dictionary<string, int> ScoreSums { get; set; } = [];

    public DateTimeOffset LastReceivedAt { get; set; }
}

public sealed class TallyProjection : SingleStreamProjection<Tally, Guid>
{
    public TallyProjection() => IncludeType<PublicFeedbackReceived>();

    public override Tally Evolve(Tally? snapshot, Guid id, IEvent e)
    {
        var tally = snapshot ?? new Tally { Id = id };
        if (e.Data is PublicFeedbackReceived received)
        {
            tally.Count++;
            foreach (var (value, score) in received.Scores)
            {
                tally.ScoreSums[value] = tally.ScoreSums.GetValueOrDefault(value) + score;
            }

            tally.LastReceivedAt = received.ReceivedAt;
        }

        return tally;
    }
}

public static class Feedback
{
    public static readonly Dictionary<string, int> SampleScores = new()
    {
        ["BerorientasiPelayanan"] = 4, ["Akuntabel"] = 4, ["Kompeten"] = 3, ["Harmonis"] = 5, ["Loyal"] = 4, ["Adaptif"] = 3, ["Kolaboratif"] = 4,
    };

    public static PublicFeedbackReceived Received(Guid streamId, string submissionId, FeedbackBody body) =>
        new(streamId, submissionId, body.RespondentGroup, body.Scores, body.Comment, DateTimeOffset.UtcNow);
}
