using Kinerja.Api.Auth;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Training.AmendingPartner;
using Kinerja.Application.Training.EndingPartnerAgreement;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.Application.Training.MatchingPartners;
using Kinerja.Application.Training.RegisteringPartner;
using Mediator;

namespace Kinerja.Api.Training;

public sealed record AmendTrainingPartnerRequest(string Institution, PartnerAgreementInput Agreement, PartnerOfferInput Offer, long? Value);

public sealed record EndTrainingPartnerAgreementRequest(DateOnly? EndedOn, string Reason);

public sealed record PartnerRoute(Guid Id);

/// <summary>Training partners (mitra kerja sama): BKPSDM (hr-admin) writes; hr-admin, auditors and the portal read.</summary>
public static class TrainingPartnerEndpoints
{
    public static void MapTrainingPartners(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup(Routes.TrainingPartners.Group).WithTags("Training partners (kerja sama)").RequireAuthorization(AuthSetup.ReadAll);

        partners.MapPost("/", CommandRoutes.Creation<RegisterTrainingPartner, TrainingPartnerView>(written => new GetTrainingPartner(written.Id), written => Routes.TrainingPartners.One(written.Id)).Handle)
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Register a training partner with its agreement (PKS number and dates), its offer per year (seats and/or JP, for which competencies) and its value in rupiah.");

        partners.MapGet("/", async (string? competency, bool? inForce, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListTrainingPartners(competency, inForce, limit, cursor), ct))
            .WithSummary("Partners in the order they were registered, paged by cursor; competency=CODE keeps those whose offer covers it, "
                + "inForce=true those whose agreement is in force today. Each shows per year the seats and JP taken and left.")
            .ProducesProblem(400).ProducesProblem(403);

        partners.MapGet("/{id:guid}", CommandRoutes.Read((PartnerRoute at) => new GetTrainingPartner(at.Id)).Handle)
            .WithSummary("One partner with its agreement, offer and the seats and JP taken and left per year; ETag is the partner's stream version.");

        partners.MapPost("/{id:guid}/amendments", CommandRoutes.Command((PartnerRoute at, AmendTrainingPartnerRequest body) =>
                new AmendTrainingPartner(at.Id, body.Institution, body.Agreement, body.Offer, body.Value), Partner, PartnerLocation).Handle)
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("Amend the agreement (an addendum): every term as it now reads. An offer below what grants already take in a year is refused. Accepts If-Match.");

        partners.MapPost("/{id:guid}/agreement-ending", CommandRoutes.Command((PartnerRoute at, EndTrainingPartnerAgreementRequest body) =>
                new EndTrainingPartnerAgreement(at.Id, body.EndedOn, body.Reason), Partner, PartnerLocation).Handle)
            .RequireAuthorization(AuthSetup.HrAdminOnly)
            .WithSummary("End the agreement early: its last day in force (within the agreement) and why. Grants already requested keep their seats. Accepts If-Match.");

        partners.MapGet("/{id:guid}/covered-needs", async (Guid id, string? unit, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ListPartnerCoverage(id, unit ?? "", limit, cursor), ct))
            .WithSummary("The employees of a unit (with its sub-units) whose competency needs the partner's offer covers, by NIP, paged by cursor.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }

    private static GetTrainingPartner Partner(PartnerRoute at, Written written) => new(written.Id);

    private static string PartnerLocation(PartnerRoute at, Written written) => Routes.TrainingPartners.One(written.Id);
}
