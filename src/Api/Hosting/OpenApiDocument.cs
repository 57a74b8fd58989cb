using Kinerja.Api.Http.OpenApi;
using Microsoft.AspNetCore.OpenApi;

namespace Kinerja.Api.Hosting;

public static class OpenApiDocument
{
    public static OpenApiOptions AddKinerjaDocument(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = ContractSchemas.ReferenceId;
        options.AddDocumentTransformer(ContractDocument.Transform);
        options.AddOperationTransformer(ContractOperations.Transform);
        options.AddSchemaTransformer(ContractSchemas.Transform);
        return options;
    }
}
