package partita.magics;

import java.nio.file.Files;
import java.nio.file.Path;

import partita.io.ModelFiles;
import partita.magics.render.Rendered;

/** {@code %save}: writes a model to one JSON file, atomically (a failed save leaves the old file intact). */
final class SaveMagic extends PartitaMagic {

    SaveMagic() {
        super(MagicSpec.builder("save", "Saves a model (partitioned or single) as one JSON file, atomically.")
                .key(ModelArg.key())
                .key(Key.path("path", "the file to write (relative to the notebook's folder)").required())
                .example("%save model=model path=models/adult.json")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) throws Exception {
        Object model = ModelArg.resolve(call);
        Path path = Path.of(call.args().text("path"));
        ModelFiles.save(model, path);
        return Rendered.concat(Views.paragraph("Saved " + Views.describe(model) + " to " + path.toAbsolutePath()
                + " (" + Files.size(path) / 1024 + " KiB)."));
    }
}
