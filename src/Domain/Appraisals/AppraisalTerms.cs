using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Appraisals;

/// <summary>BerAKHLAK: the seven core values by which perilaku kerja (work behaviour) is judged.</summary>
public enum BerAkhlak { BerorientasiPelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif }

/// <summary>The aspect an indicator (IKI) measures.</summary>
public enum Aspect { Kuantitas, Kualitas, Waktu, Biaya }

/// <summary>Utama: a main result of the position; Tambahan: an additional one.</summary>
public enum RowKind { Utama, Tambahan }

public enum PlanStatus { Draft, Submitted, Returned, Agreed }

/// <summary>Who continuous feedback (umpan balik berkelanjutan) comes from; Public is anonymous and arrives through the portal.</summary>
public enum FeedbackSource { Supervisor, Peer, Subordinate, Self, Public }

public enum RespondentGroup { Student, Parent, Patient, Citizen, Other }

public static class Feedback
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 1000;

    public static Wording? ScoresProblem(IReadOnlyDictionary<BerAkhlak, int>? scores) =>
        scores is null || scores.Count == 0 ? new("beri skor paling sedikit satu nilai BerAKHLAK", "score at least one BerAKHLAK value")
        : scores.Values.Any(s => s is < MinScore or > MaxScore) ? new($"setiap skor harus dari {MinScore} sampai {MaxScore}", $"each score must be from {MinScore} to {MaxScore}")
        : scores.Keys.Any(k => !Enum.IsDefined(k)) ? new("hanya tujuh nilai BerAKHLAK yang dapat diberi skor", "only the seven BerAKHLAK values can be scored")
        : null;

    /// <summary>Who one counted response per appraisal belongs to: an internal giver in one role (source).</summary>
    public static string GiverKey(FeedbackSource source, Guid giverId) => $"{source}:{giverId:N}";

    /// <summary>
    /// What is stored of the portal's respondent id: a hash bound to the appraisal, so it tells two responses to the same
    /// appraisal from the same respondent apart from others, and links nothing across appraisals or back to the portal's
    /// account without the portal (UU PDP; docs/decisions/071).
    /// </summary>
    public static string Respondent(Guid appraisalId, string respondentId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/respondent/{appraisalId:N}/{respondentId}")))[..32];
}

/// <summary>The earlier response of the same giver that a new one replaces in the tallies (it stays in the history).</summary>
/// <param name="Id">The earlier feedback's id, or the earlier public submission's id.</param>
public sealed record ReplacedResponse(string Id, IReadOnlyDictionary<BerAkhlak, int> Scores, RespondentGroup? Group);

/// <summary>Bukti dukung: a link or a document's hash, and what it shows.</summary>
public sealed record Evidence(string? Link, string? DocumentHash, string Description);

/// <summary>Where the evaluation stands: with the approver, back with the rater, or final.</summary>
public enum EvaluationStatus { Submitted, Returned, Approved }
