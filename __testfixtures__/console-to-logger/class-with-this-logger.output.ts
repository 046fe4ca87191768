import { Injectable } from '@nestjs/common';
import { Repo } from './repo';
import { logger } from './lib/logger';

@Injectable()
export class UsersService {
  private readonly logger = { info: (msg: string) => msg };

  constructor(private readonly repo: Repo) {}

  async find(id: string) {
    this.logger.info('find');
    logger.info('Finding user', { id });
    return this.repo.find(id);
  }
}
