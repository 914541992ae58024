package partita.magics;

import java.nio.file.Path;

import partita.io.ModelFiles;
import partita.magics.render.Rendered;

/** {@code %load}: reads a model file written by {@code %save} (or {@code ModelFiles.save}) and binds the model. */
final class LoadMagic extends PartitaMagic {

    LoadMagic() {
        super(MagicSpec.builder("load", "Loads a model file and binds the model; it predicts exactly as when it was saved.")
                .key(Key.path("path", "the model file (relative to the notebook's folder)").required())
                .key(Key.binding("model"))
                .example("%load path=models/adult.json as=model")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Path path = Path.of(call.args().text("path"));
        Object model = ModelFiles.load(path, Object.class);
        String name = call.bind(model, ModelArg.javaType(model));
        return Rendered.concat(Views.paragraph("Loaded " + Views.describe(model) + " from " + path.toAbsolutePath()
                + " and bound it to " + name + "."));
    }
}
