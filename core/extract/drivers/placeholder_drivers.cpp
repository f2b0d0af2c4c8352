// placeholder so the module has a source until its first real file lands
