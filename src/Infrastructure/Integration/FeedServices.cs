using Kinerja.Application.Integration;
using Kinerja.Application.Integration.Webhooks;
using Kinerja.Infrastructure.Common;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Marten;

namespace Kinerja.Infrastructure.Integration;

public static class FeedServices
{
    /// <summary>Writes the feed through the async daemon; see <see cref="IntegrationFeedSubscription"/>.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddIntegrationFeed(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.SubscribeToEvents(new IntegrationFeedSubscription(IntegrationEventMappings.All));

    public static IServiceCollection AddFeed(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddValidatedSettings<WebhookOptions>(configuration, WebhookOptions.Section, WebhookOptions.Broken);
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<IWebhookTargets>(sp => sp.GetRequiredService<WebhookTargets>());
        // No redirects: a signed body goes only to the URL the portal registered. No proxy: the address check applies to the receiver
        // itself, on the connection the delivery opens (docs/decisions/130).
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, UseProxy = false, ConnectCallback = sp.GetRequiredService<WebhookTargets>().Connect,
            });
        services.AddSingleton(_ => new SubscriptionLocks(NpgsqlDataSource.Create(connectionString)));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddScoped<IFeed, MartenFeed>();
        services.AddScoped<IWebhookSubscriptions, MartenWebhookSubscriptions>();
        services.AddScoped<IWebhookDispatcher, WolverineWebhookDispatcher>();
        services.AddHostedService<WebhookSweeper>();
        return services;
    }
}
