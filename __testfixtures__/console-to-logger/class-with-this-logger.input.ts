import { Injectable } from '@nestjs/common';
import { Repo } from './repo';

@Injectable()
export class UsersService {
  private readonly logger = { info: (msg: string) => msg };

  constructor(private readonly repo: Repo) {}

  async find(id: string) {
    this.logger.info('find');
    console.log('Finding user', id);
    return this.repo.find(id);
  }
}
